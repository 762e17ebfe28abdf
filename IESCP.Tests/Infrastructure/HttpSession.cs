using System.Net;
using System.Text.RegularExpressions;

namespace IESCP.Tests.Infrastructure;

/// <summary>A browser-like HTTP client (cookies, no automatic redirects) that signs in through the real login form.</summary>
public sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient http;

    public HttpSession(Uri baseAddress)
    {
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    /// <summary>A session signed in through the login form, which must send the user to its home page.</summary>
    public static async Task<HttpSession> SignedInAsync(Uri baseAddress, string email, string password, string expectedHome)
    {
        var session = new HttpSession(baseAddress);
        var response = await session.LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedHome, RedirectPath(response));
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>Posts the login form as a browser would, with its antiforgery token.</summary>
    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        PostFormAsync("/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts a form as a browser would, with its antiforgery token; <paramref name="host"/> overrides the Host header.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields, string? host = null)
    {
        var page = await http.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    /// <summary>Where a redirect points, as a path of this site (absolute locations are reduced to their path).</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"Not a redirect: {response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

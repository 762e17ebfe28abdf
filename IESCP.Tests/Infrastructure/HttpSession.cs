using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace IESCP.Tests.Infrastructure;

/// <summary>A browser-like HTTP client (cookies, no automatic redirects) that signs in through the real login form.</summary>
public sealed partial class HttpSession : IDisposable
{
    private readonly HttpClient http;

    /// <param name="from">
    /// The loopback address to connect from (127.0.0.2, 127.0.0.3, ...: all of 127/8 is this
    /// machine), so one test can be several people at different addresses.
    /// </param>
    public HttpSession(Uri baseAddress, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        http = new HttpClient(handler) { BaseAddress = baseAddress };
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

    /// <summary>
    /// Posts a form of the page at <paramref name="path"/> as a browser would, with the page's
    /// antiforgery token: a Blazor form by its name, or a plain form to its <paramref name="action"/>;
    /// <paramref name="host"/> overrides the Host header.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields,
        string? action = null, string? host = null)
    {
        var page = await http.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        if (formName.Length > 0)
        {
            fields["_handler"] = formName;
        }

        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        foreach (Match hidden in HiddenInput().Matches(page))
        {
            fields.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action ?? path) { Content = new FormUrlEncodedContent(fields) };
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

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}

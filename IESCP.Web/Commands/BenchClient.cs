using System.Net;
using System.Text.RegularExpressions;

namespace IESCP.Web.Commands;

/// <summary>A signed-in browser stand-in: keeps cookies, follows no redirects, so a bounce to the login page shows.</summary>
internal sealed partial class BenchClient : IDisposable
{
    private readonly HttpClient http;
    private readonly CookieContainer cookies = new();
    private readonly Uri baseAddress;

    private BenchClient(Uri baseAddress)
    {
        this.baseAddress = baseAddress;
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Signs in through the real login form, as a browser posts it.</summary>
    public static async Task<BenchClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new BenchClient(baseAddress);
        try
        {
            var form = await client.http.GetStringAsync("/Account/Login");
            var token = AntiforgeryInput().Match(form) is { Success: true } input && ValueAttribute().Match(input.Value) is { Success: true } value
                ? WebUtility.HtmlDecode(value.Groups[1].Value)
                : throw new InvalidOperationException("The login page has no antiforgery token.");
            using var response = await client.http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }));
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode} instead of a redirect: wrong password or an unseeded database?");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Fetches a page and reads it to the end; returns what came back, in words.</summary>
    public async Task<string> GetAsync(string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode switch
        {
            HttpStatusCode.OK => $"200 OK, {body.Length / 1024.0:0} KB",
            HttpStatusCode.NotFound => "404 NOT FOUND (page not built yet?)",
            _ when response.Headers.Location is { } location => $"{(int)response.StatusCode} redirect to {location}",
            _ => $"{(int)response.StatusCode} {response.ReasonPhrase}",
        };
    }

    /// <summary>The signed-in session's cookies, for other clients to send as this user.</summary>
    public string CookieHeader => cookies.GetCookieHeader(baseAddress);

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}

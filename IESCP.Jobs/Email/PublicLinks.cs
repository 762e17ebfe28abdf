using Microsoft.Extensions.Options;

namespace IESCP.Jobs.Email;

/// <summary>Configuration section "App".</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people reach the app at; every link in an email starts with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>
/// Absolute links to the app's pages, from the configured public address only: never from a
/// request's Host header, which a visitor controls (a reset link pointing elsewhere would leak its code).
/// </summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    public Uri BaseAddress { get; } = new(options.Value.PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>The absolute address of an app path such as "requests/12" or "Account/ResetPassword?code=…".</summary>
    public string To(string path) => new Uri(BaseAddress, path.TrimStart('/')).AbsoluteUri;
}

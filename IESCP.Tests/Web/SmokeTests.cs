using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Web;

[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class SmokeTests(IescpApp app)
{
    [Fact]
    public async Task The_home_page_and_the_blazor_script_are_served_by_the_real_server()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var home = await http.GetStringAsync("/");
        Assert.Contains("Influencer Engagement", home);
        var script = await http.GetAsync("/_framework/blazor.web.js");
        Assert.True(script.IsSuccessStatusCode);
        Assert.True(File.Exists(Path.Combine(app.Folder, "iescp.db")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/css/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/no-such-page")]
    public async Task Pages_and_static_files_carry_the_security_headers_and_no_server_name(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var response = await http.GetAsync(path);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-inline';", policy.Split("style-src")[0]);
        Assert.Contains("object-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_the_policy_would_block()
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register/Sponsor" })
        {
            var html = await http.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        }
    }
}

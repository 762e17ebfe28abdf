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
}

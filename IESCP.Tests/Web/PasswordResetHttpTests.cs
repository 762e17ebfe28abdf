using System.Net;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Web;

/// <summary>The password-reset email links to the configured public address, whatever Host header the request carried.</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class PasswordResetHttpTests(IescpApp app)
{
    [Fact]
    public async Task A_reset_asked_with_a_forged_host_header_mails_a_link_to_the_public_address_only()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = new HttpSession(app.BaseAddress);

        var response = await session.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = influencer.Email },
            host: "attacker.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = await PickupFolder.WaitForMessageToAsync(app.OutboxFolder, influencer.Email);
        Assert.DoesNotContain("attacker.example", email);
        var link = PickupFolder.LinkTo(email, "Account/ResetPassword?code=");
        Assert.StartsWith($"{app.BaseAddress}Account/ResetPassword?code=", link);
    }
}

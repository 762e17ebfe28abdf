using IESCP.Data.Identity;
using IESCP.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IESCP.Web.Components.Account.Shared;

/// <summary>
/// What the sponsor and influencer sign-up pages share: the form's edit context, server-side
/// errors shown next to their fields, and the email that follows. A new account gets a link to
/// confirm its email; an email that has an account already gets a note to its owner instead.
/// Either way the visitor is told to check their email, so the form reveals no one's account.
/// </summary>
public abstract class RegistrationForm<TModel> : ComponentBase where TModel : Registration, new()
{
    private ServerErrors? serverErrors;

    [Inject]
    private AccountMessages Messages { get; set; } = default!;

    [Inject]
    private IdentityRedirectManager RedirectManager { get; set; } = default!;

    [SupplyParameterFromForm]
    protected TModel Input { get; set; } = default!;

    protected EditContext EditContext { get; private set; } = default!;

    /// <summary>A message for the whole form, in the "Error: …" form the status message shows as an error.</summary>
    protected string? FormError => serverErrors?.FormError is { } message ? $"Error: {message}" : null;

    protected override void OnInitialized()
    {
        Input ??= new TModel();
        EditContext = new EditContext(Input);
        serverErrors = new ServerErrors(EditContext);
    }

    protected abstract Task<RegistrationResult> RegisterAsync(TModel input);

    protected async Task SubmitAsync()
    {
        var result = await RegisterAsync(Input);
        if (!result.Succeeded)
        {
            serverErrors!.Show(result.Errors);
            return;
        }

        if (result.User is { } user)
        {
            await Messages.SendConfirmationAsync(user);
        }
        else if (result.ExistingUser is { } existing)
        {
            await Messages.SendSignUpAttemptAsync(existing);
        }

        RedirectManager.RedirectTo("Account/RegisterConfirmation");
    }
}

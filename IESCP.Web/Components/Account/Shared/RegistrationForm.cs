using IESCP.Data.Identity;
using IESCP.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Web.Components.Account.Shared;

/// <summary>
/// What the sponsor and influencer sign-up pages share: the form's edit context, server-side
/// errors shown next to their fields, and signing the new user in.
/// </summary>
public abstract class RegistrationForm<TModel> : ComponentBase where TModel : Registration, new()
{
    private ServerErrors? serverErrors;

    [Inject]
    private SignInManager<ApplicationUser> SignInManager { get; set; } = default!;

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

    protected abstract string HomePath { get; }

    protected async Task SubmitAsync()
    {
        var result = await RegisterAsync(Input);
        if (result.User is { } user)
        {
            await SignInManager.SignInAsync(user, isPersistent: false);
            RedirectManager.RedirectTo(HomePath);
            return;
        }

        serverErrors!.Show(result.Errors);
    }
}

using IESCP.Data;
using IESCP.Data.Admin;
using IESCP.Web.Components.Shared;
using Radzen;

namespace IESCP.Web.Components.Pages.Admin;

/// <summary>The two ways an admin confirms a decision: with a reason the owner will see, or with a plain yes.</summary>
internal static class AdminPrompts
{
    /// <summary>Asks for the reason, runs the decision with it (its refusals show in the dialog), and says when it is done.</summary>
    public static async Task ReasonAsync(DialogService dialogs, NotificationService notifications, string title, string warning,
        string submitText, ButtonStyle style, Func<ReasonInput, Task<CommandResult>> decide, string done)
    {
        var decided = await dialogs.OpenAsync<TextDialog>(title, new()
        {
            [nameof(TextDialog.Label)] = "Reason (the owner sees it)",
            [nameof(TextDialog.Hint)] = warning,
            [nameof(TextDialog.SubmitText)] = submitText,
            [nameof(TextDialog.SubmitStyle)] = style,
            [nameof(TextDialog.Multiline)] = true,
            [nameof(TextDialog.Submit)] = (Func<string?, Task<CommandResult>>)(reason => decide(new ReasonInput { Reason = reason ?? "" })),
        }, new DialogOptions { Width = "min(34rem, 95vw)" });
        if (decided is true)
        {
            notifications.Notify(NotificationSeverity.Success, done);
        }
    }

    public static async Task ConfirmAsync(DialogService dialogs, NotificationService notifications, string question, string yes,
        Func<Task<CommandResult>> decide, string done)
    {
        if (await dialogs.Confirm(question, yes, new ConfirmOptions { OkButtonText = yes, CancelButtonText = "Back" }) != true)
        {
            return;
        }

        var result = await decide();
        if (result.Succeeded)
        {
            notifications.Notify(NotificationSeverity.Success, done);
        }
        else
        {
            notifications.Notify(NotificationSeverity.Warning, "Not done", result.Message, TimeSpan.FromSeconds(8));
        }
    }
}

using IESCP.Data;
using Microsoft.AspNetCore.Components.Forms;

namespace IESCP.Web.Components.Shared;

/// <summary>
/// Shows a command's refusals in a form: each message next to its field, a message without a
/// field at the top. A field's server message goes away as soon as the user edits that field.
/// </summary>
public sealed class ServerErrors
{
    private readonly EditContext form;
    private readonly ValidationMessageStore store;

    public ServerErrors(EditContext form)
    {
        this.form = form;
        store = new ValidationMessageStore(form);
        form.OnFieldChanged += (_, e) => store.Clear(e.FieldIdentifier);
    }

    public string? FormError { get; private set; }

    /// <returns>True when the command succeeded.</returns>
    public bool Show(CommandResult result) => Show(result.Errors);

    /// <returns>True when there are no errors.</returns>
    public bool Show(IReadOnlyList<(string Field, string Message)> errors)
    {
        store.Clear();
        FormError = null;
        foreach (var (field, message) in errors)
        {
            if (field.Length == 0)
            {
                FormError = FormError is null ? message : $"{FormError} {message}";
            }
            else
            {
                store.Add(form.Field(field), message);
            }
        }

        form.NotifyValidationStateChanged();
        return errors.Count == 0;
    }
}

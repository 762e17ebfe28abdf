using Microsoft.AspNetCore.Components.Forms;

namespace IESCP.Web.Components.Shared;

/// <summary>
/// What an input could not read ("1e15" is not an amount), kept on the form beside the field's
/// other messages: the form field shows it first, since the model's own rules then judge a
/// value the person never typed.
/// </summary>
public static class InputProblems
{
    public static void Set(EditContext form, FieldIdentifier field, string? problem)
    {
        if (problem is null)
        {
            form.Properties.Remove(Key(field));
        }
        else
        {
            form.Properties[Key(field)] = problem;
        }
    }

    public static string? Get(EditContext form, FieldIdentifier field) =>
        form.Properties.TryGetValue(Key(field), out var problem) ? problem as string : null;

    private static (string, FieldIdentifier) Key(FieldIdentifier field) => ("input-problem", field);
}

using System.ComponentModel.DataAnnotations;

namespace IESCP.Data;

internal static class InputValidation
{
    /// <summary>Runs the DataAnnotations and IValidatableObject rules of a form; errors by field ("" for the whole form).</summary>
    public static IReadOnlyList<(string Field, string Message)> Errors(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return [.. results.SelectMany(v => v.MemberNames.DefaultIfEmpty("").Select(m => (m, v.ErrorMessage ?? "Invalid.")))];
    }
}

using System.ComponentModel.DataAnnotations;

namespace IESCP.Data;

/// <summary>
/// The outcome of a command: success, or messages by field ("" for the whole form) so a page can
/// show each one next to its input. Refusals are results, not exceptions: they are expected.
/// </summary>
public class CommandResult
{
    protected CommandResult(IReadOnlyList<(string Field, string Message)> errors) => Errors = errors;

    public IReadOnlyList<(string Field, string Message)> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>All messages in one line, for a toast or a log.</summary>
    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    public static CommandResult Ok { get; } = new([]);

    public static CommandResult Fail(string message) => Fail("", message);

    public static CommandResult Fail(string field, string message) => new([(field, message)]);

    /// <summary>
    /// Runs the DataAnnotations and IValidatableObject rules of an input, as a form would, and
    /// refuses text that is not <see cref="PlainText"/> in any of its fields; rules that depend on
    /// the date ask the validation context for the <see cref="TimeProvider"/>.
    /// </summary>
    public static CommandResult Validate(object input, TimeProvider clock)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(input, new ClockServices(clock), null);
        if (!Validator.TryValidateObject(input, context, results, validateAllProperties: true) && input is IValidatableObject whole)
        {
            // The validator skips the cross-field rules once a field fails; run them too so the
            // form shows every problem at once.
            results.AddRange(whole.Validate(context));
        }

        return new([.. results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Invalid."))).Concat(PlainText.Problems(input)).Distinct()]);
    }

    private sealed class ClockServices(TimeProvider clock) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(TimeProvider) ? clock : null;
    }
}

/// <summary>A command that yields a value (such as a new id) when it succeeds.</summary>
public sealed class CommandResult<T> : CommandResult
{
    private CommandResult(T? value, IReadOnlyList<(string Field, string Message)> errors) : base(errors) => Value = value;

    public T? Value { get; }

    public static CommandResult<T> Success(T value) => new(value, []);

    public static CommandResult<T> Failure(CommandResult refusal) => new(default, refusal.Errors);
}

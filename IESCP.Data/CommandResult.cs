namespace IESCP.Data;

/// <summary>The outcome of a command: success, or the errors by field ("" for the whole form).</summary>
public sealed record CommandResult(IReadOnlyList<(string Field, string Message)> Errors)
{
    public static CommandResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Failed(string field, string message) => new([(field, message)]);
}

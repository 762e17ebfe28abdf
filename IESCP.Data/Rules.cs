using System.Linq.Expressions;

namespace IESCP.Data;

/// <summary>
/// One business rule written once: a predicate over a row and an argument (who acts, an
/// amount), and what to tell the user when it does not hold. C# evaluates it on a row a
/// command read, to explain a refusal; SQL runs it as the WHERE of the command's UPDATE, so a
/// change that slipped in between is refused, never overwritten.
/// </summary>
internal sealed class Rule<TRow, TArg>(Expression<Func<TRow, TArg, bool>> holds, Func<TRow, TArg, string> refusal)
{
    private readonly Func<TRow, TArg, bool> test = holds.Compile();

    public string? Refusal(TRow row, TArg argument) => test(row, argument) ? null : refusal(row, argument);

    /// <summary>The predicate over <paramref name="row"/> with the argument in place (EF Core sends it as parameters).</summary>
    public Expression Bind(ParameterExpression row, TArg argument) =>
        new Substitution(holds.Parameters[0], row, holds.Parameters[1], Expression.Constant(argument, typeof(TArg))).Visit(holds.Body);

    private sealed class Substitution(ParameterExpression row, Expression newRow, ParameterExpression argument, Expression value)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == row ? newRow : node == argument ? value : node;
    }
}

/// <summary>Rules that must all hold, in the order their refusals are reported.</summary>
internal sealed class RuleSet<TRow, TArg>(params Rule<TRow, TArg>[] rules)
{
    /// <summary>Why the rules refuse, or null when they all hold.</summary>
    public string? Refusal(TRow row, TArg argument) =>
        rules.Select(r => r.Refusal(row, argument)).FirstOrDefault(message => message is not null);

    /// <summary>All the rules as one SQL predicate.</summary>
    public Expression<Func<TRow, bool>> Guard(TArg argument)
    {
        var row = Expression.Parameter(typeof(TRow), "row");
        var body = rules.Select(r => r.Bind(row, argument)).Aggregate(Expression.AndAlso);
        return Expression.Lambda<Func<TRow, bool>>(body, row);
    }
}

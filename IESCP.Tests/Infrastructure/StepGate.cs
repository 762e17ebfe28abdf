using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// Holds a background job mid-way so a test can see its intermediate state: once armed, the
/// n-th command carrying a query tag waits until the test releases it. Inert until armed.
/// </summary>
public sealed class StepGate : DbCommandInterceptor
{
    private readonly Lock gate = new();
    private (string Tag, int Hold, TaskCompletionSource Release)? armed;
    private int seen;

    /// <summary>The <paramref name="hold"/>-th command tagged <paramref name="tag"/> from now on waits for <see cref="Release"/>.</summary>
    public void Arm(string tag, int hold)
    {
        lock (gate)
        {
            armed = (tag, hold, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            seen = 0;
        }
    }

    public void Release()
    {
        lock (gate)
        {
            armed?.Release.TrySetResult();
            armed = null;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (gate)
        {
            if (armed is { } a && command.CommandText.Contains($"-- {a.Tag}", StringComparison.Ordinal) && ++seen == a.Hold)
            {
                wait = a.Release.Task;
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}

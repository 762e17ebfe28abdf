using Microsoft.Extensions.Logging;

namespace IESCP.Data;

internal static class Notifications
{
    /// <summary>
    /// Calls every subscriber in turn. A subscriber that throws (a closed page, a dead circuit) is
    /// logged and skipped, so it can neither break the others nor fail the command that raised it.
    /// </summary>
    public static async Task RaiseAsync<THandler>(THandler? handlers, Func<THandler, Task> invoke, ILogger logger)
        where THandler : Delegate
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<THandler>())
        {
            try
            {
                await invoke(handler);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A live-update subscriber failed; the others were still told");
            }
        }
    }
}

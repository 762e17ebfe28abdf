using System.Collections.Concurrent;

namespace IESCP.Data.Caching;

/// <summary>
/// One load per key at a time: callers that miss the same key while its load runs wait for that
/// load instead of starting their own, so a popular entry expiring costs one database query, not
/// one per waiting request. Keys carry their scope's version stamp, so a caller never joins a load
/// that started before a write it has seen.
/// </summary>
internal sealed class SingleFlight
{
    private readonly ConcurrentDictionary<string, Task<object?>> flights = new(StringComparer.Ordinal);

    public Task<T> RunAsync<T>(string key, Func<Task<T>> load)
    {
        while (true)
        {
            if (flights.TryGetValue(key, out var running))
            {
                return ResultAsync<T>(running);
            }

            var flight = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (flights.TryAdd(key, flight.Task))
            {
                _ = LandAsync(key, flight, load);
                return ResultAsync<T>(flight.Task);
            }
        }
    }

    /// <summary>How many loads are running (for tests).</summary>
    public int Count => flights.Count;

    private async Task LandAsync<T>(string key, TaskCompletionSource<object?> flight, Func<Task<T>> load)
    {
        try
        {
            flight.SetResult(await load());
        }
        catch (Exception e)
        {
            flight.SetException(e);
        }
        finally
        {
            flights.TryRemove(new KeyValuePair<string, Task<object?>>(key, flight.Task));
        }
    }

    private static async Task<T> ResultAsync<T>(Task<object?> flight) => (T)(await flight)!;
}

using Microsoft.AspNetCore.Components;

namespace IESCP.Web.Components.Shared;

/// <summary>
/// Hands what a page loaded while prerendering to the same page's first interactive render, so
/// one visit runs its query once: the result travels in the page as persisted component state
/// (the browser sends it back when the circuit starts), tagged with the query it answers. The
/// interactive render takes it only for the same query; any later query loads as usual. Create it
/// in OnInitialized with whether the page is prerendering (not RendererInfo.IsInteractive); dispose
/// it with the page. In a circuit it keeps nothing: only a prerender has anything to hand over.
/// </summary>
public sealed class PrerenderHandoff<TQuery, TResult>(PersistentComponentState state, string key, bool prerendering) : IDisposable
    where TQuery : IEquatable<TQuery>
{
    private Entry? latest;
    private PersistingComponentStateSubscription? subscription;

    public void Start()
    {
        if (prerendering)
        {
            subscription = state.RegisterOnPersisting(() =>
            {
                if (latest is not null)
                {
                    state.PersistAsJson(key, latest);
                }

                return Task.CompletedTask;
            });
        }
    }

    /// <summary>The prerendered result for this query if it was handed over, otherwise <paramref name="load"/>'s.</summary>
    public async Task<TResult> LoadAsync(TQuery query, Func<Task<TResult>> load)
    {
        var result = state.TryTakeFromJson<Entry>(key, out var handed) && handed is not null && handed.Query.Equals(query)
            ? handed.Result
            : await load();
        if (prerendering)
        {
            latest = new Entry(query, result);
        }

        return result;
    }

    public void Dispose() => subscription?.Dispose();

    private sealed record Entry(TQuery Query, TResult Result);
}

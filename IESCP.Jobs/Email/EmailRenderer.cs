using IESCP.Data.Outbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IESCP.Jobs.Email;

/// <summary>
/// Renders an email body component to HTML with the framework's HtmlRenderer (the same component
/// model as the pages), and derives its plain-text part from it.
/// </summary>
public sealed class EmailRenderer(IServiceScopeFactory scopes, ILoggerFactory loggers) : IAsyncDisposable
{
    /// <summary>Rendered components stay attached to their renderer until it is disposed: a renderer is replaced after this many.</summary>
    private const int RendersPerRenderer = 500;

    private readonly SemaphoreSlim gate = new(1, 1);
    private (AsyncServiceScope Scope, HtmlRenderer Renderer)? current;
    private int renders;

    public async Task<(string Html, string Text)> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        string html;
        // One renderer at a time (its dispatcher runs one render at a time anyway), reused across
        // messages: a new scope and renderer per message cost more than the rendering itself.
        await gate.WaitAsync();
        try
        {
            if (current is null || renders++ >= RendersPerRenderer)
            {
                await RetireAsync();
                var scope = scopes.CreateAsyncScope();
                current = (scope, new HtmlRenderer(scope.ServiceProvider, loggers));
                renders = 1;
            }

            var renderer = current.Value.Renderer;
            html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        }
        finally
        {
            gate.Release();
        }

        return (html, HtmlText.From(html));
    }

    /// <summary>An email to queue, rendered from <typeparamref name="TComponent"/> with a <c>Model</c> parameter.</summary>
    public async Task<OutgoingEmail> EmailAsync<TComponent>(string key, string? userId, string to, string subject, object model,
        EmailAttachment? attachment = null) where TComponent : IComponent
    {
        var (html, text) = await RenderAsync<TComponent>(new Dictionary<string, object?> { ["Model"] = model, ["Subject"] = subject });
        return new OutgoingEmail(key, userId, to, subject, text, html, attachment);
    }

    public async ValueTask DisposeAsync()
    {
        await RetireAsync();
        gate.Dispose();
    }

    private async Task RetireAsync()
    {
        if (current is { } old)
        {
            await old.Renderer.DisposeAsync();
            await old.Scope.DisposeAsync();
            current = null;
        }
    }
}

using IESCP.Data.Outbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;

namespace IESCP.Jobs.Email;

/// <summary>
/// Renders an email body component to HTML with the framework's HtmlRenderer (the same component
/// model as the pages), and derives its plain-text part from it.
/// </summary>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<(string Html, string Text)> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        // A renderer per message: rendered components stay attached to their renderer until it
        // is disposed, so a long-lived one would hold every email ever sent.
        await using var renderer = new HtmlRenderer(services, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return (html, HtmlText.From(html));
    }

    /// <summary>An email to queue, rendered from <typeparamref name="TComponent"/> with a <c>Model</c> parameter.</summary>
    public async Task<OutgoingEmail> EmailAsync<TComponent>(string key, string? userId, string to, string subject, object model,
        EmailAttachment? attachment = null) where TComponent : IComponent
    {
        var (html, text) = await RenderAsync<TComponent>(new Dictionary<string, object?> { ["Model"] = model, ["Subject"] = subject });
        return new OutgoingEmail(key, userId, to, subject, text, html, attachment);
    }
}

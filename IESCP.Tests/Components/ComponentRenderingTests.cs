using System.Globalization;
using IESCP.Web.Components.Layout;
using IESCP.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using Radzen;

namespace IESCP.Tests.Components;

/// <summary>Components rendered to HTML with the framework's own HtmlRenderer (no browser).</summary>
[Trait("Category", "Unit")]
public sealed class ComponentRenderingTests
{
    [Fact]
    public async Task A_stat_card_shows_its_label_and_a_grouped_number()
    {
        var html = await RenderAsync<StatCard>(new() { ["Label"] = "Influencers", ["Value"] = 123456L, ["Icon"] = "groups" });

        Assert.Contains("123,456", html);
        Assert.Contains("Influencers", html);
        Assert.Contains("groups", html);
        Assert.DoesNotContain("stat-value-long", html);
    }

    [Fact]
    public async Task A_stat_card_sets_a_figure_of_hundreds_of_millions_smaller_so_it_stays_in_its_card()
    {
        var html = await RenderAsync<StatCard>(new() { ["Label"] = "Committed", ["Money"] = 210_954_600m });

        Assert.Contains("$210,954,600", html);
        Assert.Contains("stat-value-long", html);
    }

    [Fact]
    public async Task The_reconnect_ui_offers_the_elements_the_browser_script_looks_for()
    {
        var html = await RenderAsync<ReconnectModal>([]);

        Assert.Contains("id=\"components-reconnect-modal\"", html);
        Assert.Contains("id=\"components-reconnect-current-attempt\"", html);
        Assert.Contains("id=\"components-reconnect-max-retries\"", html);
        Assert.Contains("data-reconnect=\"retry\"", html);
        Assert.Contains("data-reconnect=\"reload\"", html);
        Assert.DoesNotContain("onclick", html);
    }

    /// <summary>Static HTML rendering runs no script; a component that tries is a bug here.</summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException($"JavaScript call '{identifier}' during static rendering.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton<IJSRuntime, NoJavaScript>()
            .AddRadzenComponents()
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jobs.Tests.Web.Data;

/// <summary>A component rendered to HTML the way static server rendering does, without a browser or a host.</summary>
internal static class ComponentHtml
{
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // As the site registers it (WebSetup): Chinese goes out as written rather than as character references.
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All))
            .BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    public static Task<string> FigureAsync(Jobs.Web.Data.FigureTable table, string? source = null) =>
        RenderAsync<Jobs.Web.Data.Figure>(new Dictionary<string, object?> { ["Table"] = table, ["Source"] = source });
}

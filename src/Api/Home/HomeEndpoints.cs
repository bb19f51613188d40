using Jobs.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Home;

public static class HomeEndpoints
{
    private const string Page = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>Jobs · 南京都市圈公共就业服务平台</title>
        <style>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;line-height:1.6}
        code{background:#f3f3f3;padding:0 .3em}</style></head>
        <body><h1>Jobs · 南京都市圈公共就业服务平台</h1>
        <p>南京、镇江、扬州、淮安、芜湖、马鞍山、滁州、宣城、金坛、溧阳十城共建的职位与简历平台。</p>
        <ul>
        <li>{{docs}}</li>
        <li><a href="/api/postings?pageSize=10">最新职位</a> · <a href="/api/postings?city=南京&amp;pageSize=10">南京的职位</a></li>
        <li><a href="/api/cities">成员城市</a> · <a href="/api/regions">地区</a></li>
        <li><a href="/health">健康检查</a></li>
        </ul>
        <p>登录：<code>POST /api/auth/login</code>，演示账号见 README。</p>
        </body></html>
        """;

    private const string DocsLinks =
        $"""<a href="{OpenApiSetup.ReferencePath}">API 文档（可在线试用）</a> · <a href="{OpenApiSetup.DocumentPath}">OpenAPI</a>""";

    // Without Api:Docs the reference is not served, so the page says where the API is described instead of linking to a 404.
    private const string NoDocs = "API 文档未在此部署公开，接口说明见项目 README 的 “API overview” 一节。";

    public static void MapHomeEndpoints(this WebApplication app)
    {
        var page = Page.Replace("{{docs}}", app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Docs ? DocsLinks : NoDocs, StringComparison.Ordinal);
        app.MapGet("/", () => TypedResults.Content(page, "text/html; charset=utf-8")).ExcludeFromDescription();
    }
}

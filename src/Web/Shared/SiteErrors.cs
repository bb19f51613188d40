using Jobs.Web.Shared;
using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Jobs.Web;

/// <summary>
/// Errors on site pages as pages in Chinese; <c>/api</c> keeps its problem details. A GET that ends without a body (an
/// unknown address, a refused role) re-renders as the error page; any other method gets a short page written here,
/// since re-running a POST against the error page would only fail again.
/// </summary>
public static class SiteErrors
{
    public static IApplicationBuilder UseJobsWebStatusPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => IsSite(context) && IsRead(context.Request.Method),
            site => site.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        app.UseWhen(context => IsSite(context) && !IsRead(context.Request.Method),
            site => site.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode)));
        return app;
    }

    /// <summary>
    /// A form posted without its antiforgery token (another site's form, or a page left open past its token) is refused
    /// here with a page that says what to do; the framework's own answer is an English sentence for developers.
    /// </summary>
    public static IApplicationBuilder UseJobsWebAntiforgery(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        return app.Use(async (context, next) =>
        {
            if (IsSite(context)
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true }
                && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, ("表单无法提交", "表单已过期或不是从本站页面提交的。请返回上一页，刷新后重新填写提交。"));
                return;
            }

            await next(context);
        });
    }

    /// <summary>
    /// Answers with <paramref name="status"/> while the page renders its own explanation (a posting that does not exist,
    /// with a link to search). Blazor's renderer stops and leaves the body empty when a page sets 404 itself, expecting
    /// the status code pages to re-execute; so the status is set only as the rendered page starts going out.
    /// </summary>
    public static void RespondWithPage(HttpContext context, int status)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }

    private static bool IsSite(HttpContext context) => !SitePaths.IsApi(context.Request.Path);

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    /// <summary>A short error page in Chinese for a site address (the rate limiter writes its 429s with it too).</summary>
    public static Task WriteAsync(HttpContext context, int status, (string Title, string Explanation)? message = null)
    {
        var (title, text) = message ?? Text(status);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} · 都市圈就业</title></head>
            <body><main><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href="/">返回首页</a></p></main></body></html>
            """);
    }

    /// <summary>The title and explanation of an error, for the error page and for the short page written here.</summary>
    public static (string Title, string Explanation) Text(int status) => status switch
    {
        401 => ("请先登录", "这个页面需要登录后查看。"),
        403 => ("无权访问", "当前账号不能打开这个页面。"),
        404 => ("页面不存在", "您要找的页面不存在或已下线。职位过期后会自动下线。"),
        405 => ("不支持的操作", "这个页面不接受这种请求。"),
        413 => ("内容过大", "提交的内容超过了允许的大小。"),
        429 => ("操作过于频繁", "请稍候片刻再试。"),
        >= 500 => ("服务暂时不可用", "请稍后再试；如果问题持续，请联系所在城市的人社部门。"),
        _ => ("请求无法完成", "请检查地址或返回首页。"),
    };
}

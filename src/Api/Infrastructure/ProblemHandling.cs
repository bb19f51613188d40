using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Infrastructure;

/// <summary>
/// Every error leaves as RFC 9457 problem details: bad JSON, wrong types and bad query values as 400, oversized bodies as
/// 413, unknown routes as 404, and anything unexpected as a 500 that reveals no internals.
/// </summary>
public static class ProblemHandling
{
    public static IServiceCollection AddJobsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddJobsJsonInputValidation();
        // Minimal APIs otherwise answer a body that fails to bind with an empty 400; throwing lets the handler explain why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseJobsProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Goes after routing so an endpoint's own size limit (feed uploads) can raise the default.</summary>
    public static IApplicationBuilder UseRequestLimits(this WebApplication app) => app.UseMiddleware<RequestSizeLimitMiddleware>();

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems, ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ProblemDetails problem;
            switch (exception)
            {
                case BadHttpRequestException { InnerException: JsonFieldException field }:
                    problem = FieldProblem(field.Field, field.Reason);
                    break;
                case BadHttpRequestException { InnerException: JsonException json }:
                    problem = JsonProblem(json);
                    break;
                case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                    problem = new ProblemDetails { Status = 413, Title = "Payload Too Large", Detail = "请求体过大" };
                    break;
                case BadHttpRequestException bad:
                    problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad Request", Detail = Describe(bad) };
                    break;
                default:
                    logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                    problem = new ProblemDetails { Status = 500, Title = "Internal Server Error", Detail = "服务器内部错误，请稍后重试" };
                    break;
            }

            httpContext.Response.StatusCode = problem.Status ?? 500;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        }

        private static ProblemDetails FieldProblem(string? field, string reason)
        {
            var name = field ?? "请求体";
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [reason] })
            {
                Status = 400, Title = "One or more validation errors occurred.", Detail = $"字段 {name} {reason}",
            };
        }

        private static ProblemDetails JsonProblem(JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? null : json.Path.TrimStart('$', '.');
            if (JsonInputValidation.InvalidTextReason(json) is { } reason)
            {
                return FieldProblem(path, reason);
            }

            if (path is not null && json.InnerException is InvalidOperationException or FormatException or null
                && json.Message.Contains("could not be converted", StringComparison.Ordinal))
            {
                return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = ["字段类型不正确"] })
                {
                    Status = 400, Title = "One or more validation errors occurred.", Detail = $"字段 {path} 的类型不正确",
                };
            }

            var where = json.LineNumber is { } line ? $"（第 {line + 1} 行，第 {json.BytePositionInLine + 1} 个字节）" : "";
            return new ProblemDetails { Status = 400, Title = "Bad Request", Detail = $"请求体不是有效的 JSON{where}" };
        }

        private static string Describe(BadHttpRequestException bad) =>
            bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
                ? $"参数值无效：{bad.Message}"
                : bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.Contains("request body", StringComparison.OrdinalIgnoreCase)
                    ? $"请求不完整：{bad.Message}"
                    : bad.Message;
    }

    /// <summary>Rejects a declared oversize body before it is read, and caps undeclared (chunked) ones where the server allows it.</summary>
    private sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxBodyBytes;
            if (context.Request.ContentLength is { } length && length > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = 413, Title = "Payload Too Large", Detail = $"请求体 {length} 字节，超过上限 {limit} 字节" },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        }
    }
}

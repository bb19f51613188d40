using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
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
public static partial class ProblemHandling
{
    public static IServiceCollection AddJobsProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance = InputEcho.Cap(problem.Instance ?? context.HttpContext.Request.Path.ToString());
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            CapEchoes(problem);
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddJobsJsonInputValidation();
        // Minimal APIs otherwise answer a body that fails to bind with an empty 400; throwing lets the handler explain why.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Every problem passes here (results, the exception handler, status pages), so echoed input is capped in one place.</summary>
    private static void CapEchoes(ProblemDetails problem)
    {
        if (problem.Detail is { } detail)
        {
            problem.Detail = InputEcho.CapQuoted(detail);
        }

        if (problem is HttpValidationProblemDetails { Errors: { Count: > 0 } errors })
        {
            foreach (var (field, messages) in errors.ToArray())
            {
                var capped = messages.Select(InputEcho.CapQuoted).ToArray();
                // Field names can come from the caller too (a JSON property path).
                var name = InputEcho.Cap(field);
                if (name != field)
                {
                    errors.Remove(field);
                }

                errors[name] = capped;
            }
        }
    }

    public static IApplicationBuilder UseJobsProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Goes after authentication and authorization: the limit depends on who asks (anonymous, signed in), and an endpoint's
    /// own larger limit (feed uploads) only counts once the caller has passed that endpoint's role requirement, so a
    /// graduate's 257 MiB upload is refused with 403 before a byte of it is read.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this WebApplication app) => app.UseMiddleware<RequestSizeLimitMiddleware>();

    // "Failed to bind parameter \"int page\" from \"abc\"." – the value is the caller's, at any length.
    [GeneratedRegex("""^Failed to bind parameter "(?<parameter>[^"]*)" from "(?<value>.*)"\.?$""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BindFailure();

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
                    Status = 400, Title = "One or more validation errors occurred.", Detail = $"字段 {InputEcho.Cap(path)} 的类型不正确",
                };
            }

            var where = json.LineNumber is { } line ? $"（第 {line + 1} 行，第 {json.BytePositionInLine + 1} 个字节）" : "";
            return new ProblemDetails { Status = 400, Title = "Bad Request", Detail = $"请求体不是有效的 JSON{where}" };
        }

        private static string Describe(BadHttpRequestException bad) =>
            BindFailure().Match(bad.Message) is { Success: true } failure
                ? $"参数值无效：参数 {failure.Groups["parameter"].Value} 的值“{InputEcho.Cap(failure.Groups["value"].Value)}”无法识别"
                : bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
                ? "参数值无效"
                : bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) || bad.Message.Contains("request body", StringComparison.OrdinalIgnoreCase)
                    ? $"请求不完整：{bad.Message}"
                    : bad.Message;
    }

    /// <summary>Rejects a declared oversize body before it is read, and caps undeclared (chunked) ones where the server allows it.</summary>
    private sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options, IProblemDetailsService problems)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            var limit = LimitFor(context, options.Value);
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

        private static long LimitFor(HttpContext context, RequestLimitsOptions options)
        {
            var signedIn = context.User.Identity?.IsAuthenticated == true;
            var limit = signedIn ? options.MaxBodyBytes : options.AnonymousMaxBodyBytes;
            var endpoint = context.GetEndpoint();
            if (endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not { } own)
            {
                return limit;
            }

            var ownLimit = own.MaxRequestBodySize ?? long.MaxValue;
            // A larger limit only for a signed-in caller the endpoint's authorization already admitted (this runs after it);
            // a smaller one for everybody.
            var admitted = signedIn && endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
            return ownLimit < limit || admitted ? ownLimit : limit;
        }
    }
}

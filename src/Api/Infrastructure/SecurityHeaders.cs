namespace Jobs.Api.Infrastructure;

/// <summary>Response headers every answer carries, errors and 404s included.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The one Content-Security-Policy of the platform. Pages load scripts, styles, images and fonts only from this site:
    /// no inline script, no CDN; forms post only here; nobody may frame a page (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) and the Hangfire dashboard are third-party pages built on inline scripts and styles; they
    /// keep the framing ban and stay on this site, but may run their own inline code.
    /// </summary>
    public const string ToolPagesContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

    private static bool IsToolPage(PathString path) =>
        path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase);

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>One year. Browsers ignore the header on plain HTTP, so it is safe behind a TLS-terminating proxy.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>Goes first, so even the exception handler's and the rate limiter's answers carry the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        // Not in Development: a browser that saw HSTS from localhost:5080 would insist on HTTPS for every localhost port.
        var hsts = !app.Environment.IsDevelopment();
        return app.Use((context, next) =>
        {
            // OnStarting, because the exception handler clears headers set earlier before it writes its problem.
            context.Response.OnStarting(static state =>
            {
                var (response, hsts) = ((HttpResponse, bool))state;
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = IsToolPage(response.HttpContext.Request.Path) ? ToolPagesContentSecurityPolicy : ContentSecurityPolicy;
                if (hsts)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            }, (context.Response, hsts));
            return next(context);
        });
    }
}

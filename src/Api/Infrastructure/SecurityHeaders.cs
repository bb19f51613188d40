namespace Jobs.Api.Infrastructure;

/// <summary>Response headers every answer carries, errors and 404s included.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The one Content-Security-Policy of the platform. It only forbids framing today (clickjacking); pages served later
    /// extend it here, so there is a single policy to review.
    /// </summary>
    public const string ContentSecurityPolicy = "frame-ancestors 'none'";

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
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
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

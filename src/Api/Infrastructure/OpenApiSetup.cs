using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Jobs.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddJobsOpenApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The site's footer links the reference only where it is served.
        services.AddOptions<Jobs.Web.WebOptions>().Configure<IOptions<ApiOptions>>((web, api) => web.ApiReferencePath = api.Value.Docs ? ReferencePath : null);
        return services.AddOpenApi(options => options.AddDocumentTransformer<BearerSchemeTransformer>());
    }

    public const string ReferencePath = "/scalar";

    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The document at /openapi/v1.json and the browsable reference at /scalar, only when Api:Docs is on.</summary>
    public static void MapJobsOpenApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Docs)
        {
            return;
        }

        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Jobs · 南京都市圈就业服务平台 API"));
    }

    private sealed class BearerSchemeTransformer : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Jobs — Nanjing metropolitan circle employment platform",
                Version = "v1",
                Description = "Postings, résumés, applications and cities for the ten member cities of 南京都市圈 (and 鲁南). "
                    + "Sign in with POST /api/auth/login and send the accessToken as 'Authorization: Bearer …'. Errors are RFC 9457 problem details.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from /api/auth/login or /api/auth/register.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }
    }
}

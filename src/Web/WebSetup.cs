using Jobs.Web.Account;
using Jobs.Web.Shared;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jobs.Web;

/// <summary>The site: everything outside <c>/api</c>, rendered on the server from Razor components.</summary>
public static class WebSetup
{
    /// <summary>
    /// Registers the pages and the sign-in cookie. The cookie and the antiforgery tokens are signed with the core's
    /// data-protection key ring (data directory or Redis), so a sign-in survives a restart and is honoured by every process
    /// behind the same address.
    /// </summary>
    public static IServiceCollection AddJobsWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRazorComponents();
        // Chinese text goes out as written; encoded as &#x...; every character would cost eight bytes instead of three.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteSignIn>();
        services.AddSingleton<LocalTime>();
        services.AddSingleton<Public.PublicUrls>();
        Data.DataSetup.AddDataPages(services);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "jobs.af";
            o.FormFieldName = "__RequestVerificationToken";
        });

        // The data-protection key ring that signs the cookie and the form tokens is the core's (AddJobsKeyRing).
        services.AddAuthentication().AddCookie(SiteSignIn.Scheme, cookie =>
        {
            cookie.Cookie.Name = "jobs.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/denied";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = SiteSignIn.ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(SiteSignIn.Scheme)
            .Configure<IOptions<WebOptions>>((cookie, web) => cookie.ExpireTimeSpan = TimeSpan.FromDays(web.Value.SignInDays));
        return services;
    }

    public static IEndpointRouteBuilder MapJobsWeb(this IEndpointRouteBuilder app)
    {
        Public.SitemapEndpoints.MapSitemapEndpoints(app);
        Account.MyDataEndpoints.MapMyDataEndpoints(app);
        Organiser.OrganiserPages.MapOrganiserEndpoints(app);
        Data.Kit.DataExportEndpoints.MapDataExportEndpoints(app);
        Organiser.Imports.ImportPages.MapImportPages(app);
        Admin.AdminPages.MapAdminPages(app);
        app.MapRazorComponents<App>();
        return app;
    }
}

namespace Jobs.Core.Common;

/// <summary>Names for <c>.RequireRateLimiting(...)</c> on endpoints and <c>[EnableRateLimiting]</c> on site pages; the limits behind them are in <see cref="RateLimitsOptions"/>.</summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string Refresh = "refresh";
    public const string FairRegistration = "fair-registration";
    public const string Applications = "applications";
    public const string Uploads = "uploads";
    public const string Search = "search";

    public static IReadOnlyList<string> All { get; } = [SignIn, SignUp, Refresh, FairRegistration, Applications, Uploads, Search];
}

using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.RateLimiting;

/// <summary>One limit: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>, and no waiting line by default.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, int windowSeconds)
    {
        PermitLimit = permitLimit;
        WindowSeconds = windowSeconds;
    }

    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 1;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests that wait for a permit instead of being refused; waiting holds a connection, so 0 unless there is a reason.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}

/// <summary>
/// Request limits per client address and per account (see <see cref="RateLimitSetup"/>). The defaults are for production;
/// tests and benchmarks raise them through configuration.
/// </summary>
public sealed class RateLimitsOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary>Every request, per client address (a token bucket, so a page's burst of requests passes).</summary>
    public RateLimitRule Global { get; set; } = new(3000, 60);

    /// <summary>POST /api/auth/login per address; the per-account limit lives in the sign-in handler.</summary>
    public RateLimitRule SignIn { get; set; } = new(20, 60);

    /// <summary>POST /api/auth/register per address.</summary>
    public RateLimitRule SignUp { get; set; } = new(10, 600);

    /// <summary>POST /api/auth/refresh per address: each refresh writes a row, and a client needs one every 15 minutes.</summary>
    public RateLimitRule Refresh { get; set; } = new(60, 60);

    /// <summary>POST /api/fairs/{id}/attendees per account.</summary>
    public RateLimitRule FairRegistration { get; set; } = new(10, 60);

    /// <summary>POST /api/fairs/{id}/attendees per address: generous, because a whole campus shares one NAT address.</summary>
    public RateLimitRule FairRegistrationPerAddress { get; set; } = new(600, 60);

    /// <summary>POST /api/postings/{id}/applications per account.</summary>
    public RateLimitRule Applications { get; set; } = new(30, 60);

    /// <summary>POST /api/imports (feed uploads) per account.</summary>
    public RateLimitRule Uploads { get; set; } = new(10, 600);

    /// <summary>Posting, résumé and fair search and matches per address (a token bucket).</summary>
    public RateLimitRule Search { get; set; } = new(600, 60);

    /// <summary>
    /// How long a refusal waits before it is sent. A client that sends its next request as soon as the last is answered
    /// (a script guessing passwords) otherwise turns refusals into thousands of requests a second, and the server's CPU
    /// goes to refusing them; waiting costs a timer, and such a client then sends a few requests a second per connection.
    /// </summary>
    [Range(0, 10_000)]
    public int RejectionDelayMilliseconds { get; set; } = 1000;

    // ValidateDataAnnotations does not descend into nested objects, so each rule is checked here, named by its key.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var rules = new (string Name, RateLimitRule? Rule)[]
        {
            (nameof(Global), Global), (nameof(SignIn), SignIn), (nameof(SignUp), SignUp), (nameof(Refresh), Refresh), (nameof(FairRegistration), FairRegistration),
            (nameof(FairRegistrationPerAddress), FairRegistrationPerAddress), (nameof(Applications), Applications),
            (nameof(Uploads), Uploads), (nameof(Search), Search),
        };
        foreach (var (name, rule) in rules)
        {
            if (rule is null)
            {
                yield return new ValidationResult($"{Section}:{name} is missing", [name]);
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(rule, new ValidationContext(rule), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{Section}:{name}: {result.ErrorMessage}", [.. result.MemberNames.Select(m => $"{name}.{m}")]);
            }
        }
    }
}

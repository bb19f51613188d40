using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Auth;

public sealed class AuthOptions
{
    public const string Section = "Auth";

    [Required]
    public string Issuer { get; set; } = "jobs";

    [Required]
    public string Audience { get; set; } = "jobs";

    /// <summary>
    /// HMAC-SHA256 key, at least 32 characters. Empty on the embedded default: a random key is generated once and kept in
    /// the data directory, so tokens survive restarts without a secret in the repository.
    /// </summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    [Range(5, 60 * 24 * 30)]
    public int TokenLifetimeMinutes { get; set; } = 480;
}

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first admin account, created on start when no account has this email.</summary>
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    /// <summary>Unset: a one-time password is generated and printed once (see Startup/FirstAdmin).</summary>
    [MinLength(8)]
    public string? Password { get; set; }
}

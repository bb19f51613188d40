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

    /// <summary>Access-token lifetime; short, since a client renews it with its refresh token.</summary>
    [Range(1, 60 * 24 * 30)]
    public int TokenLifetimeMinutes { get; set; } = 15;

    /// <summary>How long a refresh token stays usable; every refresh hands out a new one with a fresh lifetime.</summary>
    [Range(1, 365)]
    public int RefreshTokenLifetimeDays { get; set; } = 30;
}

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first admin account, created on start when no account has this email.</summary>
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    /// <summary>
    /// Must meet <see cref="Jobs.Core.Accounts.PasswordPolicy"/>; checked when the account is created. Unset: a one-time password
    /// is generated and printed once (see Startup/FirstAdmin).
    /// </summary>
    [MinLength(Jobs.Core.Accounts.PasswordPolicy.MinLength)]
    public string? Password { get; set; }
}

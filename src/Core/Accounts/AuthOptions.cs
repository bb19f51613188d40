using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Accounts;

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

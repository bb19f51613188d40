using System.ComponentModel.DataAnnotations;

namespace Jobs.Api.Auth;

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

namespace Jobs.Core.Accounts;

public enum Role
{
    Graduate = 0,
    Employer = 1,
    Organiser = 2,
    Admin = 3,
}

public static class Roles
{
    public const string Graduate = "graduate";
    public const string Employer = "employer";
    public const string Organiser = "organiser";
    public const string Admin = "admin";

    public static string Name(this Role role) => role switch
    {
        Role.Graduate => Graduate,
        Role.Employer => Employer,
        Role.Organiser => Organiser,
        Role.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Graduate: role = Role.Graduate; return true;
            case Employer: role = Role.Employer; return true;
            case Organiser or "organizer": role = Role.Organiser; return true;
            case Admin: role = Role.Admin; return true;
            default: return false;
        }
    }
}

public sealed class User
{
    public long Id { get; set; }

    /// <summary>Lower-cased and trimmed; unique.</summary>
    public required string Email { get; set; }

    public required string PasswordHash { get; set; }

    public Role Role { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>The city an organiser works for; null for other roles.</summary>
    public string? CityCode { get; set; }

    /// <summary>The company an employer account manages; null for other roles.</summary>
    public long? EmployerId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Random, replaced whenever the password, role, city or employer changes; access tokens carry it and die with it.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    /// <summary>Consecutive failed sign-ins since the last success (or admin unlock).</summary>
    public int FailedSignInCount { get; set; }

    public DateTime? LastFailedSignInAt { get; set; }

    /// <summary>Sign-in is refused until this moment (UTC).</summary>
    public DateTime? LockoutEnd { get; set; }

    /// <summary>When the person asked to close the account; null when no deletion is pending (or it was cancelled).</summary>
    public DateTime? DeletionRequestedAt { get; set; }

    /// <summary>When the cooling-off ends and the erasure job erases the personal data; kept with the request so the date shown stays put.</summary>
    public DateTime? DeletionDueAt { get; set; }

    /// <summary>Set once the personal data is erased: the row is then an anonymous tombstone that cannot sign in.</summary>
    public DateTime? ErasedAt { get; set; }

    public void RotateSecurityStamp() => SecurityStamp = NewSecurityStamp();

    public static string NewSecurityStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

/// <summary>One sign-in (one device): its access tokens carry <see cref="Id"/> as <c>sid</c>; revoking it ends them all.</summary>
public sealed class UserSession
{
    /// <summary>Random, URL-safe.</summary>
    public required string Id { get; set; }

    public long UserId { get; set; }

    /// <summary>The user's stamp when the session began; once the user's stamp moves on, the session cannot refresh.</summary>
    public required string SecurityStamp { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>A refresh token, stored only as the SHA-256 of its value; used once, then replaced (rotation).</summary>
public sealed class RefreshToken
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public required string SessionId { get; set; }

    /// <summary>Hex SHA-256 of the token; unique.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>When it was exchanged for a new pair; presenting it again afterwards means it was stolen.</summary>
    public DateTime? SpentAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public long? ReplacedById { get; set; }
}

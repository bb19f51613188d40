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
}

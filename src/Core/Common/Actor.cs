using Jobs.Core.Accounts;

namespace Jobs.Core.Common;

/// <summary>Who is acting: the signed-in user as services see it, or an anonymous visitor.</summary>
public sealed record Actor(long? UserId, Role? Role, long? EmployerId, string? CityCode)
{
    public static Actor Anonymous { get; } = new(null, null, null, null);

    /// <summary>Background jobs act with admin rights.</summary>
    public static Actor System { get; } = new(null, Accounts.Role.Admin, null, null);

    /// <summary>The actor's employer is verified (read per request, see VerifiedEmployers); false for every other role.</summary>
    public bool EmployerVerified { get; init; }

    public bool IsAuthenticated => Role is not null;

    public bool IsAdmin => Role == Accounts.Role.Admin;

    public bool IsEmployer => Role == Accounts.Role.Employer;

    public bool IsGraduate => Role == Accounts.Role.Graduate;

    public bool IsOrganiser => Role == Accounts.Role.Organiser;

    /// <summary>An organiser acts only for its own city; admins for every city.</summary>
    public bool ActsForCity(string cityCode) => IsAdmin || (IsOrganiser && string.Equals(CityCode, cityCode, StringComparison.Ordinal));
}

using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Accounts;

/// <summary>An admin's appointment: an existing account by email, or a new one (then the password is required).</summary>
public sealed record OrganiserAppointment(string? Email, string? Password, string? DisplayName, string? City);

/// <summary>The appointed account, and whether it was created for the appointment (false: an existing account promoted).</summary>
public sealed record Appointed(User User, bool Created);

/// <summary>
/// The organisers of the member cities' HR bureaus, for an admin: list, appoint, remove. Removing makes the account an
/// ordinary (graduate) account rather than deleting or locking it: the person keeps the records and notifications tied to
/// the account and can close it themselves, while the role change rotates the security stamp, which ends every session
/// and token at once. A lockout would be lifted by any later unlock and would bring the organiser role back with it.
/// </summary>
public sealed class OrganiserAccounts(JobsDbContext db, AccountService accounts, CityDirectory cities, ILogger<OrganiserAccounts> logger)
{
    public async Task<ServiceResult<PagedResult<User>>> ListAsync(Actor actor, PageRequest page, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<PagedResult<User>>.Forbidden("只有管理员可以管理组织方账号");
        }

        var organisers = db.Users.AsNoTracking().Where(u => u.Role == Role.Organiser);
        var total = await organisers.CountAsync(cancellationToken);
        var items = await organisers.OrderBy(u => u.CityCode).ThenBy(u => u.Email).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return ServiceResult<PagedResult<User>>.Ok(new PagedResult<User>(total, page.Page, page.PageSize, items));
    }

    public async Task<ServiceResult<Appointed>> AppointAsync(Actor actor, OrganiserAppointment appointment, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<Appointed>.Forbidden("只有管理员可以任命组织方");
        }

        var email = string.IsNullOrWhiteSpace(appointment.Email) ? null : AccountService.NormalizeEmail(appointment.Email);
        var existing = email is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (existing is null)
        {
            var created = await accounts.CreateOrganiserAsync(actor,
                new OrganiserDraft(appointment.Email, appointment.Password, appointment.DisplayName, appointment.City), cancellationToken);
            return created.Value is { } user
                ? ServiceResult<Appointed>.Ok(new Appointed(user, Created: true))
                : Forward<Appointed>(created);
        }

        // An employer's staff reviewing their own company, or an admin made smaller by accident, are not what an appointment means.
        var refusal = existing.Role switch
        {
            Role.Employer => "该邮箱是企业账号，不能任命为组织方（审核方与被审核方须分开）；请使用人社部门的邮箱",
            Role.Admin => "该邮箱是管理员账号，无需任命",
            Role.Organiser when cities.Resolve(appointment.City)?.Code == existing.CityCode =>
                $"该账号已是{cities.FindByCode(existing.CityCode ?? "")?.Name ?? existing.CityCode}的组织方",
            _ => null,
        };
        if (refusal is not null)
        {
            return ServiceResult<Appointed>.Invalid(ValidationErrors.Single("email", refusal));
        }

        var changed = await accounts.ChangeAccountAsync(actor, existing.Id, new AccountChange(Roles.Organiser, appointment.City ?? ""), cancellationToken);
        if (changed.Value is not { } promoted)
        {
            return Forward<Appointed>(changed);
        }

        logger.LogInformation("Admin {AdminId} appointed account {UserId} organiser for {City}", actor.UserId, promoted.Id, promoted.CityCode);
        return ServiceResult<Appointed>.Ok(new Appointed(promoted, Created: false));
    }

    /// <summary>Ends an organiser's appointment; the account stays as an ordinary account (see the class remarks).</summary>
    public async Task<ServiceResult<User>> RemoveAsync(Actor actor, long userId, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<User>.Forbidden("只有管理员可以撤销组织方");
        }

        var role = await db.Users.Where(u => u.Id == userId).Select(u => (Role?)u.Role).SingleOrDefaultAsync(cancellationToken);
        if (role != Role.Organiser)
        {
            return ServiceResult<User>.NotFound("该组织方账号不存在");
        }

        var changed = await accounts.ChangeAccountAsync(actor, userId, new AccountChange(Roles.Graduate, null), cancellationToken);
        if (changed.Value is not null)
        {
            logger.LogInformation("Admin {AdminId} removed organiser {UserId}", actor.UserId, userId);
        }

        return changed;
    }

    private static ServiceResult<T> Forward<T>(ServiceResult<User> result) => new(result.Status, default, result.Errors, result.Message);
}

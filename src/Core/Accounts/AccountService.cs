using Jobs.Core.Common;
using Jobs.Core.Employers;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Accounts;

public sealed record RegisterDraft(string? Email, string? Password, string? Role, string? DisplayName, EmployerDraft? Company);

public sealed record OrganiserDraft(string? Email, string? Password, string? DisplayName, string? City);

/// <summary>Accounts and sign-in. Passwords are stored only as ASP.NET Core Identity's PBKDF2 hashes.</summary>
public sealed class AccountService(
    JobsDbContext db,
    CityDirectory cities,
    IPasswordHasher<User> hasher,
    EmployerService employers,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public const int PasswordMinLength = 8;
    public const int PasswordMaxLength = 128;

    /// <summary>Graduates and employers sign themselves up; organisers are appointed by an admin.</summary>
    public async Task<ServiceResult<User>> RegisterAsync(RegisterDraft draft, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = ValidateCredentials(draft.Email, draft.Password, errors);
        Role role = default;
        if (string.IsNullOrWhiteSpace(draft.Role))
        {
            errors.Add("role", "请选择账号类型：graduate（毕业生）或 employer（企业）");
        }
        else if (!Roles.TryParse(draft.Role, out role) || role is not (Role.Graduate or Role.Employer))
        {
            errors.Add("role", "只能自行注册 graduate（毕业生）或 employer（企业）账号；组织方账号由管理员开设");
        }

        var displayName = draft.DisplayName?.Trim();
        if (displayName is { Length: > 100 })
        {
            errors.Add("displayName", "显示名称最多 100 个字符");
        }

        Employer? employer = null;
        if (role == Role.Employer)
        {
            if (draft.Company is null)
            {
                errors.Add("company", "企业账号须填写企业信息（名称、统一社会信用代码、所在城市）");
            }
            else
            {
                employer = employers.ValidateNew(draft.Company, errors, "company.");
            }
        }

        if (!errors.IsEmpty || email is null)
        {
            return ServiceResult<User>.Invalid(errors);
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return ServiceResult<User>.Conflict("该邮箱已注册");
        }

        if (employer?.CreditCode is { } code && await db.Employers.AnyAsync(e => e.CreditCode == code, cancellationToken))
        {
            return ServiceResult<User>.Conflict("该统一社会信用代码已有企业注册");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Email = email,
            PasswordHash = "",
            Role = role,
            DisplayName = string.IsNullOrEmpty(displayName) ? employer?.Name ?? email.Split('@')[0] : displayName,
            CreatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, draft.Password!);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (employer is not null)
        {
            employer.CreatedAt = now;
            db.Employers.Add(employer);
            await db.SaveChangesAsync(cancellationToken);
            user.EmployerId = employer.Id;
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent sign-up took the same email or credit code between our check and the insert.
            return ServiceResult<User>.Conflict("该邮箱或统一社会信用代码已注册");
        }

        return ServiceResult<User>.Created(user);
    }

    /// <summary>The user when the password matches; null otherwise (the caller says nothing about which part was wrong).</summary>
    public async Task<User?> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > PasswordMaxLength)
        {
            return null;
        }

        var normalized = NormalizeEmail(email);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        if (user is null)
        {
            // Hash anyway so a missing account takes as long as a wrong password.
            hasher.HashPassword(new User { Email = normalized, PasswordHash = "", DisplayName = "" }, password);
            return null;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    public Task<User?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<ServiceResult<User>> CreateOrganiserAsync(Actor actor, OrganiserDraft draft, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<User>.Forbidden("只有管理员可以开设组织方账号");
        }

        var errors = new ValidationErrors();
        var email = ValidateCredentials(draft.Email, draft.Password, errors);
        var city = cities.Resolve(draft.City);
        if (city is null)
        {
            errors.Add("city", cities.UnknownCityMessage(draft.City));
        }

        if (!errors.IsEmpty || email is null || city is null)
        {
            return ServiceResult<User>.Invalid(errors);
        }

        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            return ServiceResult<User>.Conflict("该邮箱已注册");
        }

        var user = new User
        {
            Email = email,
            PasswordHash = "",
            Role = Role.Organiser,
            CityCode = city.Code,
            DisplayName = string.IsNullOrWhiteSpace(draft.DisplayName) ? $"{city.Name}人社局" : draft.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, draft.Password!);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<User>.Created(user);
    }

    /// <summary>Creates the configured first admin when no account has that email yet; an existing account is left as it is.</summary>
    public async Task EnsureAdminAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.Email == normalized, cancellationToken))
        {
            return;
        }

        var admin = new User
        {
            Email = normalized, PasswordHash = "", Role = Role.Admin, DisplayName = "平台管理员", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        admin.PasswordHash = hasher.HashPassword(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the first admin account {Email}", normalized);
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static string? ValidateCredentials(string? email, string? password, ValidationErrors errors)
    {
        string? normalized = null;
        if (string.IsNullOrWhiteSpace(email))
        {
            errors.Add("email", "邮箱不能为空");
        }
        else if (!ContactRules.IsEmail(email.Trim()))
        {
            errors.Add("email", "邮箱格式不正确");
        }
        else
        {
            normalized = NormalizeEmail(email);
        }

        if (string.IsNullOrEmpty(password))
        {
            errors.Add("password", "密码不能为空");
        }
        else if (password.Length < PasswordMinLength || password.Length > PasswordMaxLength)
        {
            errors.Add("password", $"密码长度应为 {PasswordMinLength} 到 {PasswordMaxLength} 个字符");
        }
        else if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            errors.Add("password", "密码须同时包含字母和数字");
        }

        return normalized;
    }
}

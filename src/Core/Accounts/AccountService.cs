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

/// <summary>An admin's change to an account: a new role and, for organisers, the city they work for.</summary>
public sealed record AccountChange(string? Role, string? City);

/// <summary>What a sign-in came to: the user, or a refusal before any hashing (wait <see cref="RetryAfter"/>), or neither.</summary>
public sealed record SignInResult(User? User, TimeSpan? RetryAfter)
{
    public static SignInResult Failed { get; } = new(null, null);
}

/// <summary>Accounts and sign-in. Passwords are stored only as ASP.NET Core Identity's PBKDF2 hashes.</summary>
public sealed class AccountService(
    JobsDbContext db,
    CityDirectory cities,
    IPasswordHasher<User> hasher,
    EmployerService employers,
    SignInThrottle throttle,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public const int PasswordMaxLength = PasswordPolicy.MaxLength;

    /// <summary>Notification kind left on an account when someone tries to sign up with its email.</summary>
    public const string SignUpAttemptKind = "account-sign-up-attempt";

    /// <summary>
    /// Graduates and employers sign themselves up; organisers are appointed by an admin. The answer is the same whether
    /// or not the email is registered (Ok either way, the password hashed either way); an existing account is left as it
    /// is and told about the attempt.
    /// </summary>
    public async Task<ServiceResult<bool>> RegisterAsync(RegisterDraft draft, CancellationToken cancellationToken)
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
            return ServiceResult<bool>.Invalid(errors);
        }

        // Credit codes are public (printed on every licence), so saying one is taken reveals nothing about accounts.
        if (employer?.CreditCode is { } code && await db.Employers.AnyAsync(e => e.CreditCode == code, cancellationToken))
        {
            return ServiceResult<bool>.Conflict("该统一社会信用代码已有企业注册");
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
        // Hashed before the existence check, so both answers take the time of one PBKDF2 run.
        user.PasswordHash = hasher.HashPassword(user, draft.Password!);

        var existing = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            await NotifySignUpAttemptAsync(existingId, now, cancellationToken);
            return ServiceResult<bool>.Ok(false);
        }

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
            // A concurrent sign-up took the email or the credit code between our check and the insert.
            await tx.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (employer?.CreditCode is { } taken && await db.Employers.AnyAsync(e => e.CreditCode == taken, cancellationToken))
            {
                return ServiceResult<bool>.Conflict("该统一社会信用代码已有企业注册");
            }

            return ServiceResult<bool>.Ok(false);
        }

        return ServiceResult<bool>.Ok(true);
    }

    /// <summary>
    /// The user when the password matches. Throttled per normalized email (accounts and unknown emails alike) before
    /// any hashing; failures count on the user row so a lockout survives restarts.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > PasswordMaxLength)
        {
            return SignInResult.Failed;
        }

        // Not an address any account can have: refused before the throttle, whose table must not hold attacker-sized keys.
        if (!ContactRules.IsEmail(email.Trim()))
        {
            return SignInResult.Failed;
        }

        var normalized = NormalizeEmail(email);
        using var lease = await throttle.EnterAsync(normalized, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized && u.ErasedAt == null, cancellationToken);
        var failures = user is null ? lease.UnknownEmailFailures : new SignInFailures(user.FailedSignInCount, user.LastFailedSignInAt, user.LockoutEnd);
        if (lease.Admit(failures) is { } wait)
        {
            return new SignInResult(null, wait);
        }

        if (user is null)
        {
            // Hash anyway so a missing account takes as long as a wrong password.
            hasher.HashPassword(new User { Email = normalized, PasswordHash = "", DisplayName = "" }, password);
            lease.RecordUnknownEmailFailure();
            return SignInResult.Failed;
        }

        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, failures, cancellationToken);
            return SignInResult.Failed;
        }

        lease.Succeeded();
        // Plain updates rather than tracked changes: a rehash is the same password and must not end the user's sessions.
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = hasher.HashPassword(user, password);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, rehashed), cancellationToken);
            user.PasswordHash = rehashed;
        }

        if (user.FailedSignInCount != 0 || user.LockoutEnd is not null || user.LastFailedSignInAt is not null)
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedSignInCount, 0)
                .SetProperty(u => u.LastFailedSignInAt, (DateTime?)null)
                .SetProperty(u => u.LockoutEnd, (DateTime?)null), cancellationToken);
            user.FailedSignInCount = 0;
            user.LastFailedSignInAt = null;
            user.LockoutEnd = null;
        }

        return new SignInResult(user, null);
    }

    private async Task RecordFailureAsync(User user, SignInFailures failures, CancellationToken cancellationToken)
    {
        var next = throttle.NextFailure(failures);
        var limit = throttle.Options.LockoutAfterFailures;
        var lockUntil = clock.GetUtcNow().UtcDateTime.AddMinutes(throttle.Options.LockoutMinutes);
        // Counted in the database, not from what was read: another process may have counted a failure meanwhile.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedSignInCount, u => u.FailedSignInCount + 1)
            .SetProperty(u => u.LastFailedSignInAt, next.LastFailureAt)
            .SetProperty(u => u.LockoutEnd, u => u.FailedSignInCount + 1 >= limit ? (DateTime?)lockUntil : u.LockoutEnd), cancellationToken);
        if (next.Count >= limit)
        {
            logger.LogWarning("Account {UserId} locked after {Failures} failed sign-ins", user.Id, next.Count);
        }
    }

    /// <summary>Changes the signed-in user's password; the new stamp ends every session, this one included.</summary>
    /// <remarks>
    /// Guessing the current password is throttled and counted like a sign-in (a stolen access token must not become an
    /// unlimited password oracle); when refused, <c>Value</c> is how long to wait.
    /// </remarks>
    public async Task<ServiceResult<TimeSpan?>> ChangePasswordAsync(long userId, string? currentPassword, string? newPassword, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return ServiceResult<TimeSpan?>.NotFound("账号不存在");
        }

        using var lease = await throttle.EnterAsync(user.Email, cancellationToken);
        var failures = new SignInFailures(user.FailedSignInCount, user.LastFailedSignInAt, user.LockoutEnd);
        if (lease.Admit(failures) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return new ServiceResult<TimeSpan?>(ServiceStatus.TooManyRequests, wait, null, $"密码尝试过于频繁，请 {seconds} 秒后再试");
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(currentPassword))
        {
            errors.Add("currentPassword", "请填写当前密码");
        }

        PasswordPolicy.Validate(newPassword, user.Email, errors, "newPassword");
        if (!errors.IsEmpty)
        {
            return ServiceResult<TimeSpan?>.Invalid(errors);
        }

        if (currentPassword!.Length > PasswordMaxLength
            || hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, failures, cancellationToken);
            errors.Add("currentPassword", "当前密码不正确");
            return ServiceResult<TimeSpan?>.Invalid(errors);
        }

        if (string.Equals(currentPassword, newPassword, StringComparison.Ordinal))
        {
            errors.Add("newPassword", "新密码不能与当前密码相同");
            return ServiceResult<TimeSpan?>.Invalid(errors);
        }

        user.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.RotateSecurityStamp();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} changed the password", userId);
        lease.Succeeded();
        return ServiceResult<TimeSpan?>.Ok(null);
    }

    /// <summary>
    /// The password typed again before an irreversible step (closing the account): throttled and counted like a sign-in, so
    /// a stolen session cannot use it as a password oracle. When refused for speed, <c>Value</c> is how long to wait.
    /// </summary>
    public async Task<ServiceResult<TimeSpan?>> ConfirmPasswordAsync(long userId, string? password, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken);
        if (user is null)
        {
            return ServiceResult<TimeSpan?>.NotFound("账号不存在");
        }

        using var lease = await throttle.EnterAsync(user.Email, cancellationToken);
        var failures = new SignInFailures(user.FailedSignInCount, user.LastFailedSignInAt, user.LockoutEnd);
        if (lease.Admit(failures) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return new ServiceResult<TimeSpan?>(ServiceStatus.TooManyRequests, wait, null, $"密码尝试过于频繁，请 {seconds} 秒后再试");
        }

        if (string.IsNullOrEmpty(password))
        {
            return ServiceResult<TimeSpan?>.Invalid(ValidationErrors.Single("password", "请输入当前密码以确认"));
        }

        if (password.Length > PasswordMaxLength
            || hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(user, failures, cancellationToken);
            return ServiceResult<TimeSpan?>.Invalid(ValidationErrors.Single("password", "密码不正确"));
        }

        lease.Succeeded();
        return ServiceResult<TimeSpan?>.Ok(null);
    }

    /// <summary>Ends every session of the user at once (sign out everywhere).</summary>
    public async Task<bool> RotateSecurityStampAsync(long userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.RotateSecurityStamp();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>An admin changes an account's role (and an organiser's city); the account's tokens die with the change.</summary>
    public async Task<ServiceResult<User>> ChangeAccountAsync(Actor actor, long userId, AccountChange change, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<User>.Forbidden("只有管理员可以修改账号角色");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return ServiceResult<User>.NotFound("账号不存在");
        }

        var errors = new ValidationErrors();
        var role = user.Role;
        if (change.Role is not null && !Roles.TryParse(change.Role, out role))
        {
            errors.Add("role", "角色只能是 graduate、employer、organiser 或 admin");
        }
        else if (role == Role.Employer && user.EmployerId is null)
        {
            errors.Add("role", "该账号没有关联企业，不能设为企业账号");
        }
        else if (user.Id == actor.UserId && role != Role.Admin)
        {
            errors.Add("role", "不能取消自己的管理员角色");
        }

        string? cityCode = null;
        if (role == Role.Organiser)
        {
            var city = change.City is null && user.CityCode is not null ? cities.Resolve(user.CityCode) : cities.Resolve(change.City);
            if (city is null)
            {
                errors.Add("city", cities.UnknownCityMessage(change.City));
            }

            cityCode = city?.Code;
        }
        else if (!string.IsNullOrWhiteSpace(change.City))
        {
            errors.Add("city", "只有组织方账号有所属城市");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResult<User>.Invalid(errors);
        }

        // The stamp rotates on save (UserSecurityInterceptor) when the role or city really changes.
        user.Role = role;
        user.CityCode = cityCode;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<User>.Ok(user);
    }

    /// <summary>Lifts a sign-in lockout and forgets the failures (admin only).</summary>
    public async Task<ServiceResult<bool>> UnlockAsync(Actor actor, long userId, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return ServiceResult<bool>.Forbidden("只有管理员可以解除账号锁定");
        }

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return ServiceResult<bool>.NotFound("账号不存在");
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.FailedSignInCount, 0)
            .SetProperty(u => u.LastFailedSignInAt, (DateTime?)null)
            .SetProperty(u => u.LockoutEnd, (DateTime?)null), cancellationToken);
        throttle.Reset(email);
        logger.LogInformation("Admin {AdminId} unlocked account {UserId}", actor.UserId, userId);
        return ServiceResult<bool>.Ok(true);
    }

    private async Task NotifySignUpAttemptAsync(long userId, DateTime now, CancellationToken cancellationToken)
    {
        // One notice a day at most, so repeated attempts cannot flood the account's inbox.
        var dedup = $"{SignUpAttemptKind}:{now:yyyy-MM-dd}";
        if (await db.Notifications.AnyAsync(n => n.UserId == userId && n.DedupKey == dedup, cancellationToken))
        {
            return;
        }

        db.Notifications.Add(new Notifications.Notification
        {
            UserId = userId,
            Kind = SignUpAttemptKind,
            Title = "有人尝试用您的邮箱注册",
            Body = "有人尝试用您的邮箱注册新账号。如果是您本人，请直接登录；如果忘记了密码，请联系平台管理员。您的账号没有任何变化。",
            Link = "/api/me",
            DedupKey = dedup,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel attempt wrote today's notice first.
            db.ChangeTracker.Clear();
        }
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

        if (PasswordPolicy.Check(password, normalized) is { } weak)
        {
            throw new InvalidOperationException($"Admin:Password does not meet the password policy: {weak}");
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

        PasswordPolicy.Validate(password, normalized ?? email?.Trim(), errors);

        return normalized;
    }
}

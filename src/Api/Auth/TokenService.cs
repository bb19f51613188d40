using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobs.Api.Auth;

/// <summary>
/// Issues bearer tokens (JWT, HS256) carrying what authorisation needs (user id, role, employer and city) and what
/// revocation needs (the user's security stamp and the session id), checked on every request by <see cref="AuthSetup"/>.
/// </summary>
public sealed class TokenService(IOptions<AuthOptions> options, SigningKeyProvider keys, TimeProvider clock)
{
    public const string EmployerClaim = AccountClaims.Employer;
    public const string CityClaim = AccountClaims.City;
    public const string RoleClaim = AccountClaims.Role;
    public const string SessionClaim = AccountClaims.Session;
    public const string StampClaim = AccountClaims.Stamp;

    public IssuedToken Issue(User user, string sessionId)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(o.TokenLifetimeMinutes);
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [JwtRegisteredClaimNames.Email] = user.Email,
            [RoleClaim] = user.Role.Name(),
            [SessionClaim] = sessionId,
            [StampClaim] = user.SecurityStamp,
        };
        if (user.EmployerId is { } employerId)
        {
            claims[EmployerClaim] = employerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (user.CityCode is { } city)
        {
            claims[CityClaim] = city;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        return new IssuedToken(token, (int)(expires - now).TotalSeconds);
    }

    public static Actor ToActor(ClaimsPrincipal principal) => AccountClaims.ToActor(principal);
}

public sealed record IssuedToken(string AccessToken, int ExpiresIn);

/// <summary>The signing key: from configuration, or generated once into the data directory.</summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<AuthOptions> options, DataPaths paths)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            bytes = Encoding.UTF8.GetBytes(configured);
        }
        else
        {
            var file = paths.PathFor("signing-key");
            if (File.Exists(file))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(file).Trim());
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(32);
                // Readable by the service account only: anyone who reads the key can sign tokens for any account.
                var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(file, System.Text.Encoding.ASCII, fileOptions);
                writer.Write(Convert.ToBase64String(bytes));
            }
        }

        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace Jobs.Core.Privacy;

/// <summary>
/// Encrypts a graduate's contact values (phone, email, ID number) for the database with the data-protection key ring, which
/// lives outside the database. Stored values carry <see cref="Prefix"/>, so a value written before encryption existed is
/// recognised (and read as it is) until the upgrade pass encrypts it. Nothing may compare these columns by value: the same
/// phone encrypts differently each time.
/// </summary>
public sealed class ContactCipher(IDataProtectionProvider provider, ILogger<ContactCipher> logger)
{
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Jobs.Resumes.Contact.v1");

    public string? Protect(string? plain) =>
        plain is null || IsProtected(plain) ? plain : Prefix + _protector.Protect(plain);

    public string? Unprotect(string? stored)
    {
        if (stored is null || !IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException e)
        {
            // A lost or foreign key ring: the value cannot be read by anyone. Shown as empty rather than failing every page
            // that lists the résumé; the log says why.
            logger.LogError(e, "A contact value could not be decrypted; is the data-protection key ring the one that wrote it?");
            return null;
        }
    }

    public static bool IsProtected(string value) => value.StartsWith(Prefix, StringComparison.Ordinal);
}

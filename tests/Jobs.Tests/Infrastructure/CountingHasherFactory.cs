using Jobs.Core.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// The real host whose password hasher (ASP.NET Core Identity's, unchanged) counts its PBKDF2 runs, so a test can show
/// that a refused sign-in computed no hash.
/// </summary>
public class CountingHasherFactory : JobsApiFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<User>>(Hasher)));
    }
}

public sealed class CountingPasswordHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> _inner = new();
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public string HashPassword(User user, string password)
    {
        Interlocked.Increment(ref _runs);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _runs);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

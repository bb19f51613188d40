using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using StackExchange.Redis;

namespace Jobs.Core.Privacy;

/// <summary>
/// Data-protection keys in one Redis list, so every process signs cookies and form tokens and reads contact columns with the same
/// keys. Microsoft's own Redis repository is not served for .NET 10 by the registry; this is the same idea in a few lines.
/// </summary>
internal sealed class RedisXmlRepository(IConnectionMultiplexer redis, string key) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        redis.GetDatabase().ListRange(key).Select(value => XElement.Parse((string)value!)).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        redis.GetDatabase().ListRightPush(key, element.ToString(SaveOptions.DisableFormatting));
}

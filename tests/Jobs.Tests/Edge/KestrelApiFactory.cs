using System.Net;
using System.Net.Sockets;
using Jobs.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Edge;

/// <summary>
/// The host on a real Kestrel socket, so the server's own headers show and each client can come from an address of its
/// own (any 127.x.y.z is this machine on Linux), which is what per-address rate limits partition by.
/// </summary>
public class KestrelApiFactory : JobsApiFactory
{
    public KestrelApiFactory()
    {
        UseKestrel(0);
    }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>A client whose connections leave from <paramref name="localAddress"/> (e.g. 127.0.0.2).</summary>
    public HttpClient ClientFrom(string localAddress, Action<SocketsHttpHandler>? configure = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        configure?.Invoke(handler);
        return new HttpClient(handler) { BaseAddress = ServerAddress };
    }
}

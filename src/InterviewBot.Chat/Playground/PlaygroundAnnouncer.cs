using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewBot.Chat.Playground;

/// <summary>Says where the playground is once the server listens, so <c>interviewbot serve</c> shows a link to open.</summary>
internal sealed partial class PlaygroundAnnouncer(IServer server, IHostApplicationLifetime lifetime, ILogger<PlaygroundAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            {
                LogOpen(logger, address.TrimEnd('/') + "/");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Playground: open {Url} in a browser")]
    private static partial void LogOpen(ILogger logger, string url);
}

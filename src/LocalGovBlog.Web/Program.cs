using LocalGovBlog.Web;
using LocalGovBlog.Web.Hosting;

var commandLine = AppCommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(commandLine.HostOptions);
builder.AddLocalGovBlog(commandLine);
await using var app = builder.Build();
return await AppRunner.RunAsync(app, commandLine);

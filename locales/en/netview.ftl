# netview — English messages of the Network view (gui/views/network/) and the manual trace and ping.

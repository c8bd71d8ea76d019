"""The endpoint families of the LMI for All API v1; importing this package registers them all
(lmi_backend.api.endpoints.ENDPOINTS), in the order the developer page lists them."""

from . import soc, ashe, wf, onet, ess, census, empty, meta  # noqa: F401, I001 - registration order

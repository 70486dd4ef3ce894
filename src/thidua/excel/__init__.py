"""Excel faces of thidua: the UDF module (``udf``) and the actions behind the ribbon button (``hanh_dong``)."""

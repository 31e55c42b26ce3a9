NS_VALUE = "namespace member"
